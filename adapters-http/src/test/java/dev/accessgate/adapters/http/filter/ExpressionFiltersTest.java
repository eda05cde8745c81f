package dev.accessgate.adapters.http.filter;

import dev.accessgate.application.port.out.DeliveryFilterCompiler;
import dev.accessgate.application.testkit.DeliveryFilterCompilerContractTest;

/** The filter engine of the service (the domain's filter language over jackson-core) passes the kit's contract. */
class ExpressionFiltersTest extends DeliveryFilterCompilerContractTest {

    @Override
    protected DeliveryFilterCompiler compiler() {
        return new ExpressionFilters();
    }
}
