package app.coherence.local;

import app.coherence.core.http.HttpFunction;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.local.web.BlobServlet;
import app.coherence.local.web.ClientConfigServlet;
import app.coherence.local.web.FunctionRoutes;
import app.coherence.local.web.FunctionServlet;
import app.coherence.local.web.HealthServlet;
import app.coherence.local.web.Readiness;
import app.coherence.local.web.UploadLimits;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one port: functions under /v1/ and /tasks/, signed blob URLs under /blobs/ and /healthz; the
 * web client's files (web/) are served at / by Spring's static resources (see application.properties).
 */
@Configuration(proxyBeanMethods = false)
public class LocalWebConfiguration {

    /** Checked while the context starts, before the server accepts a connection. */
    @Bean
    public Object loopbackGuard(LocalSettings settings, Environment env) {
        LoopbackGuard.check(env.getProperty("server.address"), settings.trustedNetwork());
        return LoopbackGuard.class;
    }

    @Bean
    public FunctionRoutes functionRoutes(Map<String, HttpFunction> functions) {
        return new FunctionRoutes(functions);
    }

    @Bean
    public ServletRegistrationBean<FunctionServlet> functionServlet(FunctionRoutes routes, AcknowledgedWrites acknowledged) {
        ServletRegistrationBean<FunctionServlet> registration =
                new ServletRegistrationBean<>(new FunctionServlet(routes, acknowledged::awaitPersisted), "/v1/*", "/tasks/*");
        registration.setName("functions");
        return registration;
    }

    @Bean
    public ServletRegistrationBean<BlobServlet> blobServlet(FileSystemBlobStore blobs, LocalSettings settings) {
        UploadLimits limits = new UploadLimits(settings.uploadDeadline(), settings.uploadMinBytesPerSecond(),
                settings.uploadRateWindow());
        ServletRegistrationBean<BlobServlet> registration = new ServletRegistrationBean<>(new BlobServlet(blobs, limits), "/blobs/*");
        registration.setName("blobs");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    public ServletRegistrationBean<ClientConfigServlet> clientConfigServlet(LocalSettings settings, LocalEmulators emulators) {
        ServletRegistrationBean<ClientConfigServlet> registration = new ServletRegistrationBean<>(
                new ClientConfigServlet(settings.projectId(), emulators.auth()::hostPort, emulators.firestore()::hostPort),
                "/config.json");
        registration.setName("client-config");
        return registration;
    }

    @Bean
    public ServletRegistrationBean<HealthServlet> healthServlet(Readiness readiness) {
        ServletRegistrationBean<HealthServlet> registration = new ServletRegistrationBean<>(new HealthServlet(readiness), "/healthz");
        registration.setName("health");
        return registration;
    }
}
