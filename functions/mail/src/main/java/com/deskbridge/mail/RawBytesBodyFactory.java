package com.deskbridge.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.BodyFactory;

/**
 * Keeps text parts as their transfer-decoded bytes instead of letting mime4j apply the declared charset, so that
 * {@link TextDecoding} can handle mislabelled and unknown charsets. ISO-8859-1 maps every byte to one char, so
 * the body's input stream returns exactly the original bytes.
 */
final class RawBytesBodyFactory implements BodyFactory {
    @Override
    public BinaryBody binaryBody(InputStream is) throws IOException {
        return BasicBodyFactory.INSTANCE.binaryBody(is);
    }

    @Override
    public TextBody textBody(InputStream is, String mimeCharset) throws IOException {
        return BasicBodyFactory.INSTANCE.textBody(is.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
