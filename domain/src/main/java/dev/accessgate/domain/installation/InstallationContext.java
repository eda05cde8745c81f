package dev.accessgate.domain.installation;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a Forge app is installed: an Atlassian resource identifier such as
 * {@code ari:cloud:jira::site/c821c30c-a2ad-47d7-b742-9fed48cfd6b9}, kept exactly as sent.
 * Its shape is {@code ari:cloud:<owner>:<cloudId?>:<resourceType>/<resourceId>}; a
 * {@code site} resource names the workspace (its id is the cloudId). Other resources (a
 * Bitbucket workspace, say) are accepted and kept, with no workspace.
 */
public record InstallationContext(String owner, String cloudIdSegment, String resourceType, String resourceId) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern OPTIONAL_NAME = Pattern.compile("[A-Za-z0-9._-]*");

    public InstallationContext {
        require(owner != null && NAME.matcher(owner).matches(), "the product (resource owner) is missing or invalid");
        require(cloudIdSegment != null && OPTIONAL_NAME.matcher(cloudIdSegment).matches(),
                "the cloud id segment is invalid");
        require(resourceType != null && NAME.matcher(resourceType).matches(), "the resource type is missing or invalid");
        Text.identifier("context", resourceId);
        if (resourceType.equals("site")) {
            require(!resourceId.contains("/"), "a site id must not contain '/'");
            new WorkspaceId(resourceId);
        }
    }

    /** Parses {@code ari:cloud:<owner>:<cloudId?>:<type>/<id>}. */
    public static InstallationContext parse(String ari) {
        Text.identifier("context", ari);
        String[] parts = ari.split(":", 5);
        require(parts.length == 5 && parts[0].equals("ari") && parts[1].equals("cloud"),
                "context must be an ARI of the form ari:cloud:<product>::site/<cloudId>");
        int slash = parts[4].indexOf('/');
        require(slash > 0 && slash < parts[4].length() - 1, "context must name a resource as <type>/<id>");
        return new InstallationContext(parts[2], parts[3], parts[4].substring(0, slash), parts[4].substring(slash + 1));
    }

    /** A site ARI, {@code ari:cloud:<product>::site/<cloudId>}. */
    public static InstallationContext site(String product, WorkspaceId cloudId) {
        return new InstallationContext(product, "", "site", cloudId.cloudId());
    }

    /** The workspace when the context is a site. */
    public Optional<WorkspaceId> workspace() {
        return resourceType.equals("site") ? Optional.of(new WorkspaceId(resourceId)) : Optional.empty();
    }

    /** The ARI text; {@code parse(ari).ari()} gives {@code ari} back. */
    public String ari() {
        return "ari:cloud:" + owner + ":" + cloudIdSegment + ":" + resourceType + "/" + resourceId;
    }

    @Override
    public String toString() {
        return ari();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw DomainException.invalid("context", message);
        }
    }
}
