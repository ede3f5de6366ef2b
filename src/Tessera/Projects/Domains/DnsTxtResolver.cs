// SPDX-License-Identifier: Apache-2.0
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Tessera.Hosting.Outbound;

namespace Tessera.Projects.Domains;

/// <summary>
/// TXT look-ups through DnsClient, asking the configured name servers (<see cref="DomainVerificationOptions"/>) or
/// the system's. Nothing is cached (an operator who just published the record verifies again at once), each name
/// server gets one try within its share of the timeout, and every failure is an answer with a reason, never an
/// exception: the domain stays pending.
/// </summary>
internal sealed class DnsTxtResolver : IDnsTxtResolver
{
    private readonly LookupClient? _client;
    private readonly IOutboundConnectAudit? _audit;
    private readonly TimeSpan _timeout;

    public DnsTxtResolver(DomainVerificationOptions options, IOutboundConnectAudit? audit = null)
    {
        // The system's resolvers without DnsClient's fallback to Google's public DNS: an operator chose neither.
        NameServer[] servers = options.Nameservers.Count > 0
            ? [.. options.Nameservers.Select(e => new NameServer(e))]
            : [.. NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false)];
        _client = servers.Length == 0 ? null : new LookupClient(new LookupClientOptions(servers)
        {
            Timeout = options.Timeout / servers.Length,
            Retries = 0,
            UseCache = false,
            ThrowDnsErrors = false,
            UseTcpFallback = true,
        });
        _timeout = options.Timeout;
        _audit = audit;
    }

    public async Task<DnsTxtAnswer> TxtRecordsAsync(string name, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return DnsTxtAnswer.Failed($"no name server: set {DomainVerificationOptions.NameserversKey}");
        }

        foreach (var server in _client.NameServers)
        {
            _audit?.Connecting(server.Address, server.Port);
        }

        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException e) when (e.Code is DnsResponseCode.ConnectionTimeout)
        {
            return DnsTxtAnswer.Failed($"no name server answered within {Configuration.GoDuration.Format(_timeout)}");
        }
        catch (Exception e) when (e is DnsResponseException or SocketException)
        {
            return DnsTxtAnswer.Failed($"the DNS look-up failed: {e.Message}");
        }

        if (response.Header.ResponseCode is DnsHeaderResponseCode.NotExistentDomain)
        {
            return DnsTxtAnswer.Failed($"{name} does not exist (NXDOMAIN)");
        }

        return response.HasError
            ? DnsTxtAnswer.Failed($"the name server answered {response.Header.ResponseCode} ({response.ErrorMessage})")
            : DnsTxtAnswer.Found(response.Answers.TxtRecords().Select(Join).ToList());
    }

    // A TXT record's character strings are one text (RFC 7208 section 3.3): long values arrive split in 255-byte pieces.
    private static string Join(TxtRecord record) => string.Concat(record.Text);
}
