package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.common.WindowPlacement;
import fr.relais.app.gui.common.WindowPlacement.Placement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Issue 25: the window opens where the nurse left it, and the first time it fits her 1366×768 laptop. */
class WindowPlacementTest {
    /** A 1366×768 laptop screen less its 40-pixel task bar. */
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    static final Rectangle2D DESK_SCREEN = new Rectangle2D(0, 0, 1920, 1040);

    @Test
    void theFirstOpeningOnALaptopTakesTheWholeScreenAndFitsIt() {
        Placement first = new WindowPlacement(new MemoryPreferences()).initial(List.of(LAPTOP));
        assertThat(first.maximized()).isTrue();
        assertThat(first.bounds().getWidth()).isLessThanOrEqualTo(1366);
        assertThat(first.bounds().getHeight()).isLessThanOrEqualTo(728);
        assertThat(LAPTOP.contains(first.bounds())).isTrue();
    }

    @Test
    void theFirstOpeningOnALargeScreenIsAComfortableCentredWindow() {
        Placement first = new WindowPlacement(new MemoryPreferences()).initial(List.of(DESK_SCREEN));
        assertThat(first.maximized()).isFalse();
        assertThat(first.bounds()).isEqualTo(new Rectangle2D(240, 70, 1440, 900));
    }

    @Test
    void theNextRunOpensWhereAndAsLargeAsTheNurseLeftIt() {
        MemoryPreferences preferences = new MemoryPreferences();
        new WindowPlacement(preferences).remember(new Placement(new Rectangle2D(200, 50, 1100, 650), false));
        Placement next = new WindowPlacement(preferences).initial(List.of(DESK_SCREEN));
        assertThat(next).isEqualTo(new Placement(new Rectangle2D(200, 50, 1100, 650), false));
    }

    @Test
    void aMaximisedWindowReopensMaximisedAndKeepsItsEarlierSizeForLater() {
        MemoryPreferences preferences = new MemoryPreferences();
        WindowPlacement placement = new WindowPlacement(preferences);
        placement.remember(new Placement(new Rectangle2D(200, 50, 1100, 650), false));
        placement.remember(new Placement(new Rectangle2D(0, 0, 1920, 1040), true));
        assertThat(placement.initial(List.of(DESK_SCREEN))).isEqualTo(new Placement(new Rectangle2D(200, 50, 1100, 650), true));
    }

    @Test
    void aWindowLeftOnASecondScreenNowUnpluggedOpensOnTheLaptopInstead() {
        MemoryPreferences preferences = new MemoryPreferences();
        new WindowPlacement(preferences).remember(new Placement(new Rectangle2D(2100, 100, 1200, 800), false));
        Placement next = new WindowPlacement(preferences).initial(List.of(LAPTOP));
        assertThat(LAPTOP.contains(next.bounds())).isTrue();
    }

    @Test
    void aWindowLeftLargerThanTheLaptopScreenIsCutToIt() {
        MemoryPreferences preferences = new MemoryPreferences();
        new WindowPlacement(preferences).remember(new Placement(new Rectangle2D(0, 0, 1900, 1000), false));
        Placement next = new WindowPlacement(preferences).initial(List.of(LAPTOP));
        assertThat(next.bounds().getWidth()).isEqualTo(1366);
        assertThat(next.bounds().getHeight()).isEqualTo(728);
    }

    /** Preferences in memory: the test never writes the real user's preferences. */
    static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();

        MemoryPreferences() {
            super(null, "");
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            values.clear();
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException("no child node in this test");
        }

        @Override
        protected void syncSpi() {
        }

        @Override
        protected void flushSpi() {
        }
    }
}
