// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>
/// Reads a name's DNS TXT records: the plug point of domain verification. Tests put a double here; nothing in the
/// test suite ever asks real DNS.
/// </summary>
internal interface IDnsTxtResolver
{
    Task<IReadOnlyList<string>> TxtRecordsAsync(string name, CancellationToken cancellationToken);
}
