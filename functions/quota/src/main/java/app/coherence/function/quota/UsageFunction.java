package app.coherence.function.quota;

import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.quota.UsageService;
import app.coherence.core.user.AuthenticatedUser;
import org.slf4j.MDC;

/** GET /v1/usage: the caller's plan, limits, what is used and left this month and today, and when each resets. */
public class UsageFunction {
    private final Authenticator authenticator;
    private final UsageService usage;

    public UsageFunction(Authenticator authenticator, UsageService usage) {
        this.authenticator = authenticator;
        this.usage = usage;
    }

    public HttpReply get(HttpCall call) {
        AuthenticatedUser user = authenticator.authenticate(call);
        try (var ignored = MDC.putCloseable("userId", user.uid())) {
            return HttpReply.json(200, usage.report(user));
        }
    }
}
