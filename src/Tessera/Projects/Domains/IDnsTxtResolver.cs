// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>
/// Reads a name's DNS TXT records: the plug point of domain verification (<see cref="DnsTxtResolver"/> asks the
/// configured name servers). Tests point it at a fake server on loopback or put a double here; nothing in the test
/// suite ever asks real DNS.
/// </summary>
internal interface IDnsTxtResolver
{
    /// <summary>The records, or why there are none (never throws for a DNS failure: a domain then stays pending).</summary>
    Task<DnsTxtAnswer> TxtRecordsAsync(string name, CancellationToken cancellationToken);
}
