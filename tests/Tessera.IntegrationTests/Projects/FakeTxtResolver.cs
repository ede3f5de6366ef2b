// SPDX-License-Identifier: Apache-2.0
using Tessera.Projects.Domains;

namespace Tessera.IntegrationTests.Projects;

/// <summary>The DNS TXT look-up of domain verification, answered from <see cref="Records"/> (nothing leaves the machine).</summary>
internal sealed class FakeTxtResolver : IDnsTxtResolver
{
    public Dictionary<string, string[]> Records { get; } = [];

    public List<string> Asked { get; } = [];

    public Task<DnsTxtAnswer> TxtRecordsAsync(string name, CancellationToken cancellationToken)
    {
        Asked.Add(name);
        return Task.FromResult(DnsTxtAnswer.Found(Records.TryGetValue(name, out var records) ? records : []));
    }
}
