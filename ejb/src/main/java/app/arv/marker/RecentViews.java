package app.arv.marker;

import app.arv.persistence.marker.ArContentViewRepository;
import app.arv.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Views of the last {@value #DAYS} days (UTC, today included): the recent interest in AR content, next to its all-time count. */
@Stateless
public class RecentViews {

    public static final int DAYS = 30;

    @Inject
    ArContentViewRepository views;

    /** The first day of the window that ends {@code today}. */
    public static LocalDate firstDay(LocalDate today) {
        return today.minusDays(DAYS - 1L);
    }

    /** The content's views in the window ending today; 0 for content of another organization. */
    public long of(Caller caller, UUID contentId) {
        return views.since(caller.organizationId(), contentId, firstDay(LocalDate.now(Clock.systemUTC())));
    }
}
