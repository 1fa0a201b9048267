package io.vigie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Vigie API: a reactive, stateless service behind the UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigieApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(VigieApiApplication.class, args);
    }
}
