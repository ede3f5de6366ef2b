// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Projects.Domains;

/// <summary>
/// Issues a domain's verification token and checks its TXT record: a pending domain becomes active once a record at
/// <c>_tessera-verification.&lt;hostname&gt;</c> reads <c>tessera-verification=&lt;token&gt;</c> (compared in constant time).
/// </summary>
internal sealed class DomainVerifier(IDnsTxtResolver resolver, DomainStore store, TimeProvider clock)
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>Looks the record up once; the domain as it is afterwards (active, or still pending).</summary>
    public async Task<ProjectDomain> VerifyAsync(ProjectDomain domain, CancellationToken cancellationToken)
    {
        if (domain.State == DomainState.Active)
        {
            return domain;
        }

        var expected = Encoding.UTF8.GetBytes(ProjectDomain.ValuePrefix + domain.VerificationToken);
        var records = await resolver.TxtRecordsAsync(ProjectDomain.RecordPrefix + domain.Hostname, cancellationToken);
        var found = false;
        foreach (var record in records)
        {
            found |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(record.Trim()), expected);
        }

        if (!found)
        {
            return domain;
        }

        await store.ActivateAsync(domain.ProjectId, domain.Id, clock.GetUtcNow(), cancellationToken);
        return await store.FindAsync(domain.ProjectId, domain.Id, cancellationToken) ?? domain;
    }
}
