using System.Security.Claims;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Identity;

namespace CasesPortal.Features.Accounts;

/// <summary><c>/api/users</c>: account provisioning for scripts (Admin, HTTP Basic).</summary>
public static class UsersApi
{
    public sealed record UserResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles,
        bool Disabled, bool LockedOut, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, string? Password = null)
    {
        public static UserResponse From(UserSummary u, string? password = null) =>
            new(u.Id, u.Email, u.DisplayName, u.Roles, u.Disabled, u.LockedOut, u.LockedUntil, u.CreatedAt, u.LastLoginAt, password);
    }

    public sealed record CreateUserRequest(string? Email, string? DisplayName, List<string>? Roles, string? Password);

    public sealed record UpdateUserRequest(List<string>? Roles, bool? Disabled, string? DisplayName);

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/users").RequireAuthorization(AccountPolicies.ApiAdmin);

        group.MapGet("/", async (UserAdminService service, CancellationToken ct) =>
        {
            var users = await service.ListAsync(ct);
            return TypedResults.Ok(new { users = users.Select(u => UserResponse.From(u)), total = users.Count });
        });

        group.MapGet("/{id}", async (string id, UserAdminService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } user
                ? Results.Ok(UserResponse.From(user))
                : ApiResults.Error(StatusCodes.Status404NotFound, $"No account with id '{id}'."));

        group.MapPost("/", async (CreateUserRequest body, UserAdminService service, CancellationToken ct) =>
        {
            var result = await service.CreateAsync(new NewUser(body.Email, body.DisplayName, body.Roles, body.Password), ct);
            return result.Succeeded
                ? Results.Created($"/api/users/{result.Value!.User.Id}", UserResponse.From(result.Value.User, result.Value.GeneratedPassword))
                : ApiResults.Error(result.Error!);
        });

        group.MapPatch("/{id}", async (string id, UpdateUserRequest body, ClaimsPrincipal caller, UserManager<ApplicationUser> users,
            UserAdminService service, CancellationToken ct) =>
        {
            var result = await service.UpdateAsync(id, new UserChanges(body.Roles, body.Disabled, body.DisplayName), users.GetUserId(caller) ?? "", ct);
            return result.Succeeded ? Results.Ok(UserResponse.From(result.Value!)) : ApiResults.Error(result.Error!);
        });

        return group;
    }
}
