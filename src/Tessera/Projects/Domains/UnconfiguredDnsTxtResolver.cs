// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>
/// The resolver until one is configured: it finds no record, so every domain stays <c>pending</c> and never serves.
/// Fail-closed: a domain is never activated without proof. (A DNS client for production is still to come.)
/// </summary>
internal sealed class UnconfiguredDnsTxtResolver : IDnsTxtResolver
{
    public Task<IReadOnlyList<string>> TxtRecordsAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
