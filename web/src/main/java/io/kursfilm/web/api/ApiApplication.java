package io.kursfilm.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Root of the REST API. */
@ApplicationPath("/api/v1")
@ApplicationScoped
@DeclareRoles({"ROOT", "TENANT_ADMIN", "TRAINER", "CRITIC", "EMPLOYEE"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Kursfilm API",
            version = "1",
            description = "Video-learning CMS: tenants, users, videos, reviews, quizzes."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "Token from POST /api/v1/sessions")
public class ApiApplication extends Application {}
