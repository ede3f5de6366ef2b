// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Hooks;

namespace Tessera.Courier.Channels;

/// <summary>
/// One <c>courier.channels</c> entry of type <c>http</c>: its id (<c>sms</c>) and its <c>request_config</c> (Kratos's
/// keys: url, method, headers, body, auth), held as a web hook's config because it is sent as one: the body is a
/// JSON template with placeholders, the call goes through the guarded outbound client.
/// </summary>
internal sealed record HttpChannelConfig(string Id, WebHookConfig Request);
