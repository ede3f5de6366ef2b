// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Configuration.Keys;
using Tessera.Errors;

namespace Tessera.Projects.Overlays;

/// <summary>
/// Validates an overlay exactly as the file is: merged on top of the file/env configuration, every per-project options
/// record (<see cref="IProjectOptionsBinder"/>) must bind and every <see cref="IProjectOverlayCheck"/> pass (what a key
/// points at must load), and a refused key is refused. Beyond the file's rules, a key
/// that only deployment-wide code reads (bound once at start: listeners, storage, secrets, logs, courier transport,
/// OAuth2 keys, ...) is refused, since a project could set it but nothing would ever apply it. Keys nobody reads are
/// accepted with a warning, as the file's are.
/// </summary>
internal sealed class ProjectOverlayValidator(ConfigurationTree config, IEnumerable<IProjectOptionsBinder> binders, IEnumerable<IProjectOverlayCheck> checks)
{
    // Read by per-project options too (cookie settings fall back to serve.*), but one value serves the whole deployment.
    // The breached-password host is read by the password policy, a per-project record, but the range API client that
    // calls it is one per deployment (its cache and its outbound guard): a project must not point Tessera's outbound
    // calls elsewhere, so it stays the file's. The offline breached-password list is a path on the server: a tenant
    // naming one would make the server read (and, through "does not exist", probe) its files.
    private static readonly string[] DeploymentWidePrefixes =
    [
        "serve", "dsn", "secrets", "log", "courier", "oauth2",
        "selfservice.methods.password.config.haveibeenpwned_host", "selfservice.methods.password.config.breached_passwords_file",
    ];

    // Below a deployment-wide prefix but per project: a project's own message templates.
    private static readonly string[] PerProjectExceptions = ["courier.templates"];

    public async Task<Result<IReadOnlyList<string>>> ValidateAsync(JsonObject overlay, CancellationToken cancellationToken)
    {
        var leaves = new List<string>();
        ConfigurationTree.CollectPaths(overlay, string.Empty, leaves, leavesOnly: true);
        foreach (var key in leaves)
        {
            if (DeploymentWidePrefixes.Any(prefix => Under(key, prefix)) && !PerProjectExceptions.Any(prefix => Under(key, prefix)))
            {
                return Invalid(key, DeploymentWide);
            }

            if (KeyTable.Find(key) is { Status: KeyStatus.Refused } refused)
            {
                return Invalid(key, $"is not supported by Tessera: {refused.Note}");
            }
        }

        var merged = config.WithOverlay(overlay);
        foreach (var binder in binders)
        {
            try
            {
                binder.Validate(merged);
            }
            catch (ConfigurationException e)
            {
                return Invalid(e.KeyPath, e.Problem);
            }
        }

        foreach (var check in checks)
        {
            try
            {
                await check.CheckAsync(merged, cancellationToken);
            }
            catch (ConfigurationException e)
            {
                return Invalid(e.KeyPath, e.Problem);
            }
        }

        var warnings = new List<string>();
        foreach (var key in leaves.Where(k => !merged.WasRead(k)))
        {
            if (config.WasRead(key))
            {
                return Invalid(key, DeploymentWide);
            }

            if (KeyTable.Find(key) is not { Status: KeyStatus.Accepted })
            {
                warnings.Add($"{key} is not a per-project Kratos or Tessera key (a typo?) and is ignored");
            }
        }

        return Result<IReadOnlyList<string>>.Success(warnings);
    }

    private static bool Under(string key, string prefix) => key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal);

    private const string DeploymentWide =
        "is deployment-wide and cannot differ per project; set it in the configuration file (the per-project keys are listed in docs/projects.md)";

    public static TesseraError Invalid(string key, string problem) =>
        ErrorCatalog.ProjectConfigInvalid.With(new Dictionary<string, object?> { ["key"] = key, ["problem"] = problem });
}
