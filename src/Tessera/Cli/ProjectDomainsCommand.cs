// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Projects.Domains;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera projects domains add &lt;project&gt; &lt;hostname&gt;</c>, <c>list &lt;project&gt;</c>,
/// <c>verify &lt;project&gt; &lt;domain id&gt;</c>: a project's custom domains, with the admin API's own code
/// (<see cref="DomainEndpoints.CreateAsync"/>, <see cref="DomainVerifier"/>). <c>add</c> prints the domain as JSON with
/// the TXT record to publish; <c>verify</c> looks it up now and exits 1 while the domain stays pending.
/// </summary>
internal static class ProjectDomainsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private static readonly Argument<string> Project = new("project") { Description = "The project's id or slug." };
    private static readonly Argument<string> Hostname = new("hostname") { Description = "The host name to bind (e.g. login.example.com)." };
    private static readonly Argument<Guid> Domain = new("domain") { Description = "The domain's id (from `tessera projects domains list`)." };

    public static Command Create()
    {
        var add = new Command("add", "Bind a host name to a project (pending until its DNS TXT record is verified) and print the record to publish.");
        add.Arguments.Add(Project);
        add.Arguments.Add(Hostname);
        add.SetAction((parse, ct) => CliFailures.GuardAsync(() => AddAsync(parse, ct)));

        var list = new Command("list", "List a project's domains (id, hostname, state, verified).");
        list.Arguments.Add(Project);
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, ct)));

        var verify = new Command("verify", "Look a domain's TXT record up now; the domain is active once it is found (exit 1 while pending).");
        verify.Arguments.Add(Project);
        verify.Arguments.Add(Domain);
        verify.SetAction((parse, ct) => CliFailures.GuardAsync(() => VerifyAsync(parse, ct)));

        var domains = new Command("domains", "Manage a project's custom domains (as /admin/projects/{id}/domains).");
        domains.Subcommands.Add(add);
        domains.Subcommands.Add(list);
        domains.Subcommands.Add(verify);
        return domains;
    }

    private static async Task<int> AddAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var project = await CliProjects.FindAsync(app.Services, parse.GetValue(Project)!, cancellationToken);
        var created = await DomainEndpoints.CreateAsync(
            project.Id,
            new JsonObject { ["hostname"] = parse.GetValue(Hostname) },
            app.Services.GetRequiredService<DomainStore>(),
            app.Services.GetRequiredService<TimeProvider>(),
            cancellationToken);
        if (!created.Succeeded)
        {
            throw CliFailure.Of(created.Error);
        }

        var response = created.Value.ToResponse();
        await Console.Error.WriteLineAsync(
            $"Bound {response.Hostname} to project {project.Slug}, pending: publish the TXT record {response.Verification.Name} = {response.Verification.Value}, then run `tessera projects domains verify {project.Slug} {response.Id}`.");
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(response, Json));
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var project = await CliProjects.FindAsync(app.Services, parse.GetValue(Project)!, cancellationToken);
        await Console.Out.WriteLineAsync("ID\tHOSTNAME\tSTATE\tVERIFIED\tCREATED");
        foreach (var domain in await app.Services.GetRequiredService<DomainStore>().ListAsync(project.Id, cancellationToken))
        {
            await Console.Out.WriteLineAsync(string.Join(
                '\t', domain.Id, domain.Hostname, domain.State, domain.VerifiedAt is { } at ? CliFormat.Time(at) : "never", CliFormat.Time(domain.CreatedAt)));
        }

        return 0;
    }

    private static async Task<int> VerifyAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var project = await CliProjects.FindAsync(app.Services, parse.GetValue(Project)!, cancellationToken);
        var id = parse.GetValue(Domain);
        var domain = await app.Services.GetRequiredService<DomainStore>().FindAsync(project.Id, id, cancellationToken)
            ?? throw CliFailure.Of(DomainEndpoints.DomainNotFound(id));
        var check = await app.Services.GetRequiredService<DomainVerifier>().VerifyAsync(domain, cancellationToken);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(check.ToResponse(), Json));
        return check.Domain.State == DomainState.Active
            ? 0
            : throw new CliFailure($"{check.Domain.Hostname} is still {check.Domain.State}: {check.Problem ?? "its TXT record was not found"}");
    }
}
