using Microsoft.OpenApi;

namespace CasesPortal.Hosting;

/// <summary>The OpenAPI document of the portal's API (<c>/openapi/v1.json</c>) and a page to browse and try it (<c>/api-docs</c>).</summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "api-docs";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CasesPortal API",
                    Version = "v1",
                    Description = "Cases, comments and history with the paths, fields and status codes of Kibana's Cases API; account provisioning; API keys. " +
                        "Authenticate with HTTP Basic (email and password) or `Authorization: ApiKey <encoded>`. Errors are `{\"statusCode\",\"error\",\"message\"}`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["basic"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic", Description = "Account email and password." },
                    ["apiKey"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "Authorization",
                        Description = "`ApiKey <encoded>`, where encoded is what POST /api/security/api_key returned.",
                    },
                };
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = PagePath;
            options.SwaggerEndpoint(DocumentPath, "CasesPortal API v1");
            options.DocumentTitle = "CasesPortal API";
        });
        return app;
    }
}
