// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Sessions;

namespace Tessera.OperatorConsole;

/// <summary>
/// GET  /console/identities                       search by identifier (exact, else prefix) or by trait value
/// GET  /console/identities/{id}                  one identity and its sessions
/// POST /console/identities/{id}/disable          state inactive, its sessions revoked
/// POST /console/identities/{id}/enable           state active
/// POST /console/identities/{id}/delete           deleted
/// POST /console/identities/{id}/recovery-code    a recovery code e-mailed through the courier
/// Each of one project (<c>?project=</c> a slug or an id, kept by every link, form and redirect; the default project
/// without it).
/// </summary>
internal static class ConsoleIdentityEndpoints
{
    private const int PageSize = 50;
    private const int MaxSearchLength = 256;

    public static IEndpointRouteBuilder MapConsoleIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapConsoleProjectPages(ConsoleSection.Identities);
        console.MapGet("/console/identities", SearchIdentities);
        console.MapGet("/console/identities/{id:guid}", ShowIdentity);
        console.MapPost("/console/identities/{id:guid}/disable", DisableIdentity);
        console.MapPost("/console/identities/{id:guid}/enable", EnableIdentity);
        console.MapPost("/console/identities/{id:guid}/delete", DeleteIdentity);
        console.MapPost("/console/identities/{id:guid}/recovery-code", SendRecoveryCode);
        return endpoints;
    }

    private static async Task<IResult> SearchIdentities(
        HttpContext context, IdentityStore identities, [FromQuery] string? identifier, [FromQuery] string? trait, [FromQuery] Guid? after,
        CancellationToken cancellationToken)
    {
        var page = new ConsolePage(context, ConsoleSection.Identities);
        if (ConsoleNotices.Of(context.Request) is { } notice)
        {
            page.Notice(page.T(notice));
        }

        identifier = Clean(identifier);
        trait = Clean(trait);
        page.Add(ConsoleProjectSwitch.Render(page, ConsoleProjectScope.Of(context), ConsoleSection.Identities.Path));
        page.Add(ConsoleIdentityPages.SearchForm(page, identifier, trait));
        var query = new IdentityListQuery(PageSize, after, TraitsContaining: trait);
        var found = await identities.ListAsync(query with { CredentialsIdentifier = identifier }, cancellationToken);
        if (identifier is not null && found.Items.Count == 0 && after is null)
        {
            // No exact match: what the identifier starts with (an operator types the start of an e-mail address).
            found = await identities.ListAsync(query with { CredentialsIdentifierSimilar = identifier }, cancellationToken);
        }

        var next = found.NextAfter is { } nextAfter
            ? QueryString.Create(new KeyValuePair<string, string?>[] { new("identifier", identifier), new("trait", trait), new("after", nextAfter.ToString()) }).Value
            : null;
        return page.Add(ConsoleIdentityPages.Results(page, found, next is null ? null : page.Link(ConsoleSection.Identities.Path + next))).ToResult();
    }

    private static async Task<IResult> ShowIdentity(
        Guid id, HttpContext context, IdentityStore identities, SessionStore sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is not { } identity)
        {
            return NotFound(context, ErrorCatalog.IdentityNotFound);
        }

        var page = new ConsolePage(context, ConsoleSection.Identities, string.Join(", ", identity.Credentials.Values.SelectMany(c => c.Identifiers).Distinct().Take(1).DefaultIfEmpty(id.ToString())));
        if (ConsoleNotices.Of(context.Request) is { } notice)
        {
            page.Notice(page.T(notice, ("address", identity.RecoveryAddresses.FirstOrDefault(a => a.Via == "email")?.Value)));
        }

        var identitySessions = await sessions.ListAsync(new SessionListQuery(PageSize, IdentityId: id), cancellationToken);
        ConsoleIdentityPages.Identity(page, identity, identitySessions.Items, clock.GetUtcNow());
        return page.ToResult();
    }

    private static Task<IResult> DisableIdentity(Guid id, HttpContext context, ConsoleIdentityActions actions, CancellationToken cancellationToken) =>
        SetStateAsync(id, IdentityStates.Inactive, "disabled", context, actions, cancellationToken);

    private static Task<IResult> EnableIdentity(Guid id, HttpContext context, ConsoleIdentityActions actions, CancellationToken cancellationToken) =>
        SetStateAsync(id, IdentityStates.Active, "enabled", context, actions, cancellationToken);

    private static async Task<IResult> SetStateAsync(
        Guid id, string state, string notice, HttpContext context, ConsoleIdentityActions actions, CancellationToken cancellationToken)
    {
        var result = await actions.SetStateAsync(id, state, cancellationToken);
        return result.Succeeded ? Done(id, notice) : Failed(context, result.Error);
    }

    private static async Task<IResult> DeleteIdentity(Guid id, HttpContext context, ConsoleIdentityActions actions, CancellationToken cancellationToken)
    {
        var result = await actions.DeleteAsync(id, cancellationToken);
        return result.Succeeded
            ? new ConsoleRedirect($"{ConsoleSection.Identities.Path}?{ConsoleNotices.QueryParameter}=deleted")
            : Failed(context, result.Error);
    }

    private static async Task<IResult> SendRecoveryCode(
        Guid id, HttpContext context, IdentityStore identities, ConsoleRecoverySender sender, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is not { } identity)
        {
            return NotFound(context, ErrorCatalog.IdentityNotFound);
        }

        var result = await sender.SendAsync(context, identity, cancellationToken);
        return result.Succeeded ? Done(id, "recovery_sent") : Failed(context, result.Error);
    }

    private static ConsoleRedirect Done(Guid id, string notice) =>
        new($"{ConsoleSection.Identities.Path}/{id}?{ConsoleNotices.QueryParameter}={notice}");

    private static IResult NotFound(HttpContext context, ErrorDescriptor error) => Failed(context, error);

    private static IResult Failed(HttpContext context, TesseraError error) => ConsolePage.Failed(context, ConsoleSection.Identities, error);

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var trimmed && trimmed.Length > MaxSearchLength ? trimmed[..MaxSearchLength] : trimmed;
}
