# Shared by the functions' Makefiles (template.yaml: Metadata.BuildMethod makefile), included from the project.
# function-jar: builds functions/$(1) with the whole Maven reactor and unpacks its jar $(2).jar (function.jar in the
# module's pom) into ARTIFACTS_DIR, the Lambda deployment package sam build asked for.
define function-jar
	cd "$(ROOT)" && mvn -q -B -DskipTests -pl functions/$(1) -am package
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(ROOT)/functions/$(1)/target/$(2).jar"
endef
