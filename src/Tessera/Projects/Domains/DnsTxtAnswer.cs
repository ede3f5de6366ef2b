// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>
/// What a TXT look-up found: the records' texts (each record's strings joined, RFC 7208 section 3.3), or, when the
/// look-up failed (timeout, NXDOMAIN, SERVFAIL, no name server reachable), <see cref="Problem"/> saying why.
/// </summary>
internal sealed record DnsTxtAnswer(IReadOnlyList<string> Records, string? Problem)
{
    public static DnsTxtAnswer Found(IReadOnlyList<string> records) => new(records, null);

    public static DnsTxtAnswer Failed(string problem) => new([], problem);
}
