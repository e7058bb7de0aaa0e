package com.deskbridge.localaws.s3;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to S3Mock's Spring context ({@code spring.main.sources}): S3Mock's plain-HTTP port is an additional Tomcat
 * connector that it creates with a port alone, so {@code server.address} (which binds only the main HTTPS connector)
 * does not reach it and it would listen on every interface. This gives every additional connector the loopback
 * address before Tomcat starts.
 */
@Configuration(proxyBeanMethods = false)
public class LoopbackConnectors {
    static final String ADDRESS = "127.0.0.1";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> s3MockConnectorsOnLoopback() {
        return factory -> {
            for (Connector connector : factory.getAdditionalTomcatConnectors()) {
                if (!connector.setProperty("address", ADDRESS)) {
                    throw new IllegalStateException("S3Mock's HTTP connector does not take an address");
                }
            }
        };
    }
}
