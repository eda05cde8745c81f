package dev.accessgate.application.port.out;

import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.Optional;

/** Which workspace a site URL belongs to, as installations have told us. */
public interface SiteDirectory {

    /** The cloudId of the site, once an installation has mapped it. */
    Optional<WorkspaceId> workspaceOf(SiteUrl site);
}
