package io.vigie.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Vigie web interface: Vaadin Flow on the servlet stack, a separate application from the API. */
@SpringBootApplication
@ConfigurationPropertiesScan
// Server-to-browser over a websocket, browser-to-server over plain HTTP requests: the API calls made
// while handling a click need the HTTP request (OAuth2 token relay), which a websocket message has not.
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/vigie.css")
@PWA(name = "Vigie", shortName = "Vigie")
public class VigieUiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(VigieUiApplication.class, args);
    }
}
