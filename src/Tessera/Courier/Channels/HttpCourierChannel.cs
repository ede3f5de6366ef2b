// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.SelfService.Hooks;

namespace Tessera.Courier.Channels;

/// <summary>
/// A <c>courier.channels</c> entry of type <c>http</c> (an SMS gateway): renders the body template over the message
/// and sends it as a web hook is sent (headers, auth, the guarded outbound client, <c>clients.http</c> rules, a short
/// in-call retry of 5xx and 429). Any answer but 2xx fails the attempt; the dispatcher retries it as it retries
/// e-mail. Neither the body nor the gateway's answer is logged or recorded (both may carry the code).
/// </summary>
internal sealed class HttpCourierChannel(HttpChannelConfig config, WebHookSender sender) : ICourierChannel
{
    public string Id => config.Id;

    public async Task SendAsync(CourierMessage message, CancellationToken cancellationToken)
    {
        var body = config.Request.Body!.Render(HttpChannelPayload.Build(message));
        var call = await sender.SendAsync(config.Request, body, cancellationToken);
        if (call.IsSuccess)
        {
            return;
        }

        var url = config.Request.LoggedUrl;
        // With the status when the gateway answered (courier_response_invalid), without when it did not (courier_connection_failed).
        throw new HttpRequestException(call switch
        {
            { TimedOut: true } => $"the {Id} channel at {url} gave no answer within {CourierOptions.SendTimeout.TotalSeconds:0}s",
            { StatusCode: { } status } => string.Create(CultureInfo.InvariantCulture, $"the {Id} channel at {url} answered {status}"),
            _ => $"the {Id} channel at {url} is unreachable: {call.TransportError}",
        }, null, call is { TimedOut: false, StatusCode: { } code } ? (System.Net.HttpStatusCode)code : null);
    }
}
