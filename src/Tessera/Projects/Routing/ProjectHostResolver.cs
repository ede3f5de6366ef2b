// SPDX-License-Identifier: Apache-2.0
using Tessera.Projects.Domains;

namespace Tessera.Projects.Routing;

/// <summary>
/// The project a Host names (see <see cref="ProjectRoutingOptions"/>): the base domain and the host of
/// <c>serve.public.base_url</c> the default project, <c>&lt;slug&gt;.&lt;base_domain&gt;</c> the project with that
/// slug, an active custom domain the project it is bound to (a pending one never serves); null for any other host.
/// </summary>
internal sealed class ProjectHostResolver(ProjectRoutingOptions options, ProjectStore projects, DomainStore domains, ProjectHostCache cache)
{
    /// <param name="host">Normalised (<see cref="ProjectHostName"/>).</param>
    public async ValueTask<ProjectHostMatch?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (host == options.BaseDomain || host == options.DefaultHost)
        {
            return ProjectHostMatch.DefaultProject;
        }

        if (host.Length is 0 or > ProjectHostName.MaxLength || !HostnameRules.IsValid(host))
        {
            return null;
        }

        if (cache.TryGet(host, out var cached))
        {
            return cached;
        }

        var version = cache.Version;
        var match = await LookUpAsync(host, cancellationToken);
        cache.Set(host, match, version);
        return match;
    }

    private async Task<ProjectHostMatch?> LookUpAsync(string host, CancellationToken cancellationToken)
    {
        var suffix = "." + options.BaseDomain;
        if (host.EndsWith(suffix, StringComparison.Ordinal) && host[..^suffix.Length] is { Length: > 0 } slug && !slug.Contains('.')
            && await projects.FindBySlugAsync(slug, cancellationToken) is { } project)
        {
            return ProjectHostMatch.For(project);
        }

        return await domains.FindActiveProjectAsync(host, cancellationToken) is { } boundTo
            && await projects.FindAsync(boundTo, cancellationToken) is { } bound
            ? ProjectHostMatch.For(bound)
            : null;
    }
}
