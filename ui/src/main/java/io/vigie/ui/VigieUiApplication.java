package io.vigie.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Vigie web interface: Vaadin Flow on the servlet stack, a separate application from the API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/vigie.css")
@PWA(name = "Vigie", shortName = "Vigie")
public class VigieUiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(VigieUiApplication.class, args);
    }
}
