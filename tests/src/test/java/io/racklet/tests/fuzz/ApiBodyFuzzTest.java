package io.racklet.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.racklet.controller.api.ApiException;
import io.racklet.controller.api.ConsoleApi;
import io.racklet.controller.api.PowerRequest;
import io.racklet.controller.api.RequestBodies;
import java.util.List;

/** Request bodies of the controller's API, parsed as its handlers parse them (an error is a 400). */
class ApiBodyFuzzTest {
    /** By leading digit: 0 POST /nodes/{name}/power, 1 POST /nodes/{name}/console. */
    static final List<Class<?>> BODIES = List.of(PowerRequest.class, ConsoleApi.ConsoleInputRequest.class);

    @FuzzTest(maxDuration = "10m")
    void requestBody(byte[] data) {
        Rejection.onlyWith(ApiException.class,
                () -> RequestBodies.parse(FuzzInput.text(FuzzInput.body(data)), FuzzInput.kind(data, BODIES)));
    }
}
