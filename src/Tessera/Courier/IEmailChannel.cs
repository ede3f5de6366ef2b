// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier.Channels;

namespace Tessera.Courier;

/// <summary>The <c>email</c> channel: an SMTP server, or the log when none is configured.</summary>
internal interface IEmailChannel : ICourierChannel;
