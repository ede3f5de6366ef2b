// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>How the <see cref="SmtpSink"/> speaks TLS.</summary>
public enum SmtpSinkTls
{
    /// <summary>Cleartext only (no STARTTLS offered).</summary>
    None,

    /// <summary>TLS from the first byte, as <c>smtps://</c> servers on port 465.</summary>
    Implicit,

    /// <summary>Cleartext greeting, STARTTLS offered and required before MAIL FROM.</summary>
    StartTls,
}
