package fr.relais.app.gui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX test of the desktop. The build runs these one after the other in a JVM of their own (the {@code desktop}
 * group of app/pom.xml), the other app tests in two JVMs side by side: put it on every class that drives a stage.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("desktop")
@ExtendWith(ApplicationExtension.class)
public @interface DesktopTest {
}
