package dev.accessgate.adapters.http.query;

import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Read API of the access policy state. Products and types match case-insensitively. */
@Controller(value = "/v1/workspaces", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccessQueryController {

    private final QueryAccessUseCase query;

    AccessQueryController(QueryAccessUseCase query) {
        this.query = query;
    }

    @Get
    QueryResponses.Workspaces workspaces() {
        return new QueryResponses.Workspaces(query.workspaces().stream().map(QueryResponses.Workspace::of).toList());
    }

    @Get("/{cloudId}/objects/{product}/{type}/{id}")
    QueryResponses.ObjectStatus object(String cloudId, String product, String type, String id) {
        ObjectRef object = new ObjectRef(Product.of(product), type, id);
        return QueryResponses.ObjectStatus.of(query.objectBlock(new WorkspaceId(cloudId), object).orElse(null));
    }

    @Get("/{cloudId}/containers")
    QueryResponses.Containers containers(String cloudId) {
        WorkspaceId workspace = new WorkspaceId(cloudId);
        return new QueryResponses.Containers(cloudId,
                query.blockedContainers(workspace).stream().map(QueryResponses.Container::of).toList());
    }
}
