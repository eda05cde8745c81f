package dev.accessgate.adapters.http.query;

import static dev.accessgate.adapters.http.json.JsonPaths.child;

import dev.accessgate.adapters.http.api.Paging;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Read API of the access policy state. Products and types match case-insensitively.
 *
 * <p>The single and bulk checks run on the event loop when the store answers the workspace from
 * memory ({@link QueryAccessUseCase#answersInMemory}): the hop to a blocking thread cost more
 * than the look-up. Otherwise they, like every other endpoint here, run on the blocking executor.
 */
@Controller(value = "/v1/workspaces", produces = MediaType.APPLICATION_JSON)
final class AccessQueryController {

    private final QueryAccessUseCase query;
    private final EventQueryUseCase events;
    private final ExecutorService blocking;

    AccessQueryController(QueryAccessUseCase query, EventQueryUseCase events,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.query = query;
        this.events = events;
        this.blocking = blocking;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    QueryResponses.Workspaces workspaces() {
        return new QueryResponses.Workspaces(query.workspaces().stream().map(QueryResponses.Workspace::of).toList(),
                events.countUnprocessed());
    }

    @Get("/{cloudId}/objects/{product}/{type}/{id}")
    CompletableFuture<QueryResponses.ObjectStatus> object(String cloudId, String product, String type, String id) {
        WorkspaceId workspace = new WorkspaceId(cloudId);
        ObjectRef object = new ObjectRef(Product.of(product), type, id);
        return answer(workspace, () -> QueryResponses.ObjectStatus.of(query.objectBlock(workspace, object).orElse(null)));
    }

    /** Which of up to 10,000 objects are blocked. */
    @Post(uri = "/{cloudId}/objects/check", consumes = MediaType.ALL)
    CompletableFuture<QueryResponses.CheckAnswer> check(String cloudId, @Nullable @Body byte[] body) {
        WorkspaceId workspace = new WorkspaceId(cloudId);
        return answer(workspace, () -> new QueryResponses.CheckAnswer(
                query.blockedAmong(workspace, checkRequest(body)).stream().map(QueryResponses.Blocked::of).toList()));
    }

    /**
     * Here (the event loop) when the answer is in memory, else on the blocking executor. The
     * future fails with the exception itself (not wrapped), so the problem handlers see it.
     */
    private <T> CompletableFuture<T> answer(WorkspaceId workspace, Supplier<T> answer) {
        if (query.answersInMemory(workspace)) {
            return CompletableFuture.completedFuture(answer.get());
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                done.complete(answer.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Get("/{cloudId}/objects")
    @ExecuteOn(TaskExecutors.BLOCKING)
    QueryResponses.ObjectPage objects(String cloudId, @Nullable @QueryValue String product,
                                      @Nullable @QueryValue String type, @Nullable @QueryValue String cursor,
                                      @Nullable @QueryValue Integer limit) {
        WorkspaceId workspace = new WorkspaceId(cloudId);
        if (type != null && product == null) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:type",
                    "filtering by type needs a product too");
        }
        int pageSize = Paging.limit(limit);
        ObjectQuery objectQuery = new ObjectQuery(Optional.ofNullable(product).map(Product::of),
                Optional.ofNullable(type).map(t -> Text.lowerIdentifier("type", t)),
                Optional.ofNullable(cursor).map(ObjectCursor::parse), pageSize + 1);
        List<BlockedObject> page = query.blockedObjects(workspace, objectQuery);
        boolean more = page.size() > pageSize;
        List<BlockedObject> shown = more ? page.subList(0, pageSize) : page;
        return new QueryResponses.ObjectPage(shown.stream().map(QueryResponses.Blocked::of).toList(),
                more ? ObjectCursor.after(shown.get(shown.size() - 1).object()) : null);
    }

    @Get("/{cloudId}/containers")
    @ExecuteOn(TaskExecutors.BLOCKING)
    QueryResponses.Containers containers(String cloudId) {
        WorkspaceId workspace = new WorkspaceId(cloudId);
        return new QueryResponses.Containers(cloudId,
                query.blockedContainers(workspace).stream().map(QueryResponses.Container::of).toList());
    }

    private static List<ObjectRef> checkRequest(byte[] body) {
        Object root = JsonTreeReader.read(body);
        if (!(root instanceof Map<?, ?> request) || !(request.get("objects") instanceof List<?> items)) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "/objects",
                    "the body must be {\"objects\": [{\"product\", \"type\", \"id\"}, ...]}");
        }
        if (items.size() > QueryAccessUseCase.MAX_CHECK) {
            throw ProblemException.at(ProblemException.Kind.LIMIT_EXCEEDED, "/objects",
                    "at most " + QueryAccessUseCase.MAX_CHECK + " objects per check, got " + items.size());
        }
        List<ObjectRef> objects = new ArrayList<>(items.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = child("/objects", i);
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                violations.add(new Violation(at, "must be an object with product, type and id"));
                continue;
            }
            try {
                objects.add(ObjectRef.of(string(item.get("product")), string(item.get("type")), string(item.get("id"))));
            } catch (DomainException e) {
                violations.add(new Violation(child(at, e.field()), e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST,
                    violations.size() + " of the objects are invalid; first: " + violations.get(0).pointer() + " "
                            + violations.get(0).detail(),
                    violations.subList(0, Math.min(violations.size(), ProblemException.MAX_VIOLATIONS)));
        }
        return objects;
    }

    /** A string, or null (which the domain refuses as "required") for anything else. */
    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
