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

    /// <summary>Looks the record up once: the domain as it is afterwards (active, or still pending and why).</summary>
    public async Task<DomainCheck> VerifyAsync(ProjectDomain domain, CancellationToken cancellationToken)
    {
        if (domain.State == DomainState.Active)
        {
            return new DomainCheck(domain, null);
        }

        var name = ProjectDomain.RecordPrefix + domain.Hostname;
        var answer = await resolver.TxtRecordsAsync(name, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return new DomainCheck(domain, problem);
        }

        var expected = Encoding.UTF8.GetBytes(ProjectDomain.ValuePrefix + domain.VerificationToken);
        var found = false;
        foreach (var record in answer.Records)
        {
            found |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(record.Trim()), expected);
        }

        if (!found)
        {
            return new DomainCheck(domain, answer.Records.Count == 0
                ? $"no TXT record at {name}"
                : $"no TXT record at {name} reads the value to publish");
        }

        await store.ActivateAsync(domain.ProjectId, domain.Id, clock.GetUtcNow(), cancellationToken);
        return new DomainCheck(await store.FindAsync(domain.ProjectId, domain.Id, cancellationToken) ?? domain, null);
    }
}
