"""Transforms a SAM template with AWS's SAM translator (the library `sam deploy` and CloudFormation's
AWS::Serverless transform use) and writes the CloudFormation result as JSON.

usage: sam_transform.py TEMPLATE OUTPUT [Name=Value ...]

Exit status 0 with OUTPUT written, 1 with the translator's errors on stderr. Used by DeployableTemplateTest.
"""
import json
import os
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class BundledPolicies:
    """The translator's own copy of the AWS managed policy ARNs; never asks IAM (no AWS account needed)."""

    def __init__(self):
        self.policies = {}

    def load(self):
        return self.policies


def main(argv):
    template_path, output_path = argv[1], argv[2]
    parameters = dict(arg.split("=", 1) for arg in argv[3:])
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    # What `sam package` does before the transform: local code paths become the S3 objects it uploaded.
    for resource in template.get("Resources", {}).values():
        props = resource.get("Properties") or {}
        uri = props.get("CodeUri")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(uri, str) and not uri.startswith("s3://"):
            props["CodeUri"] = "s3://deskbridge-artifacts/" + uri.strip("/").replace("/", "-") + ".zip"
    # The translator reads the region from the (boto) environment; no credentials are needed or used.
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    try:
        result = transform(template, parameters, BundledPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(cause.message, file=sys.stderr)
        return 1
    with open(output_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
