// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tessera.Hosting.RequestBodies;

namespace Tessera.Tests.Hosting;

public sealed class RequestBodyReaderTests
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Theory]
    [InlineData("{\"a\":", "application/json")]
    [InlineData("[1,2]", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("", "application/json")]
    public async Task ReadObject_MalformedJson_IsMalformedRequest(string body, string contentType)
    {
        var result = await RequestBodyReader.ReadObjectAsync(Request(Encoding.UTF8.GetBytes(body), contentType));

        result.Succeeded.ShouldBeFalse();
        result.Error.Descriptor.Id.ShouldBe("malformed_request");
        result.Error.Status.ShouldBe(400);
    }

    [Fact]
    public async Task ReadObject_InvalidUtf8_IsMalformedRequest()
    {
        var result = await RequestBodyReader.ReadObjectAsync(Request([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d], "application/json"));

        result.Error.Descriptor.Id.ShouldBe("malformed_request");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task ReadObject_WrongContentType_IsUnsupportedMediaType(string? contentType)
    {
        var result = await RequestBodyReader.ReadObjectAsync(Request("{}"u8.ToArray(), contentType));

        result.Error.Descriptor.Id.ShouldBe("unsupported_media_type");
        result.Error.Status.ShouldBe(415);
    }

    [Fact]
    public async Task ReadObject_FormWhenOnlyJsonAllowed_IsUnsupportedMediaType()
    {
        var result = await RequestBodyReader.ReadObjectAsync(Request("a=b"u8.ToArray(), "application/x-www-form-urlencoded"), allowForm: false);

        result.Error.Status.ShouldBe(415);
    }

    [Fact]
    public async Task ReadObject_Form_NestsDottedNames()
    {
        var result = await RequestBodyReader.ReadObjectAsync(Request("method=password&traits.email=a%40b.test&traits.name.first=A"u8.ToArray(), "application/x-www-form-urlencoded"));

        result.Value["method"]!.GetValue<string>().ShouldBe("password");
        result.Value["traits"]!["email"]!.GetValue<string>().ShouldBe("a@b.test");
        result.Value["traits"]!["name"]!["first"]!.GetValue<string>().ShouldBe("A");
    }

    [Fact]
    public async Task ReadObject_FormWithConflictingNames_IsMalformedRequest()
    {
        var result = await RequestBodyReader.ReadObjectAsync(Request("traits=x&traits.email=y"u8.ToArray(), "application/x-www-form-urlencoded"));

        result.Error.Descriptor.Id.ShouldBe("malformed_request");
    }

    [Fact]
    public async Task Read_WrongMemberType_IsMalformedRequestNamingThePath()
    {
        var result = await RequestBodyReader.ReadAsync<Sample>(Request("{\"traits\":{\"age\":\"old\"}}"u8.ToArray(), "application/json"), Options);

        result.Error.Descriptor.Id.ShouldBe("malformed_request");
        result.Error.Details!["path"]!.ToString()!.ShouldContain("age");
    }

    [Fact]
    public async Task Read_ValidJson_BindsTheValue()
    {
        var result = await RequestBodyReader.ReadAsync<Sample>(Request("{\"method\":\"password\",\"traits\":{\"age\":3}}"u8.ToArray(), "application/json; charset=utf-8"), Options);

        result.Value.Method.ShouldBe("password");
        result.Value.Traits!.Age.ShouldBe(3);
    }

    private static HttpRequest Request(byte[] body, string? contentType)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        return context.Request;
    }

    public sealed record Sample(string? Method, SampleTraits? Traits);

    public sealed record SampleTraits(int Age);
}
