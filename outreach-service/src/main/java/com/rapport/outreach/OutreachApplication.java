package com.rapport.outreach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** What we did with them: contacts, pitches, feedback, needs, exit interviews, call plans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutreachApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutreachApplication.class, args);
    }
}
