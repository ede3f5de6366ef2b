// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier.Channels;

/// <summary>
/// A message's <c>channel</c> and <c>type</c> as Kratos names them: e-mail goes on channel <c>email</c> with type
/// <c>email</c>; a text message on channel <c>sms</c> (the id of a <c>courier.channels</c> entry, and the identity
/// schema's <c>via: sms</c>) with type <c>phone</c>.
/// </summary>
internal static class CourierChannelIds
{
    public const string Email = "email";
    public const string Sms = "sms";

    public const string EmailType = "email";
    public const string PhoneType = "phone";
}
