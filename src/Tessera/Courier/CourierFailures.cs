// SPDX-License-Identifier: Apache-2.0
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Tessera.Errors;

namespace Tessera.Courier;

/// <summary>
/// Which catalog entry a failed delivery attempt is: the channel could not be reached (<c>courier_connection_failed</c>:
/// refused or dropped connections, TLS failures, time-outs) or it answered and refused the message
/// (<c>courier_response_invalid</c>: an SMTP reply code, an HTTP status). Operators grep the log and the dispatches for
/// these ids; an abandoned message is <c>courier_send_failed</c>.
/// </summary>
internal static class CourierFailures
{
    public static ErrorDescriptor Classify(Exception e) => e switch
    {
        SmtpCommandException or SmtpProtocolException => ErrorCatalog.CourierResponseInvalid,
        HttpRequestException { StatusCode: not null } => ErrorCatalog.CourierResponseInvalid,
        AuthenticationException => ErrorCatalog.CourierResponseInvalid,
        SocketException or TimeoutException or ServiceNotConnectedException or SslHandshakeException or IOException => ErrorCatalog.CourierConnectionFailed,
        HttpRequestException => ErrorCatalog.CourierConnectionFailed,
        _ when e.InnerException is { } inner => Classify(inner),
        _ => ErrorCatalog.CourierResponseInvalid,
    };
}
