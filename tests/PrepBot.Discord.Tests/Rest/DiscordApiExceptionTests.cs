using System.Net;
using PrepBot.Discord.Models;

namespace PrepBot.Discord.Tests.Rest;

public sealed class DiscordApiExceptionTests
{
    [Fact]
    public void Invalid_form_body_lists_each_field_path_with_its_error()
    {
        const string body = """
            {"code":50035,"message":"Invalid Form Body","errors":{
              "content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]},
              "components":{"1":{"components":{"5":{"_errors":[{"code":"X","message":"Too many buttons."}]}}}}}}
            """;
        var error = DiscordJson.Deserialize<DiscordErrorBody>(body)!;

        var exception = new DiscordApiException("POST /channels/{channel_id}/messages", HttpStatusCode.BadRequest, error.Code, error.Message, DiscordApiException.FlattenErrors(error.Errors));

        Assert.Equal(DiscordApiException.InvalidFormBody, exception.Code);
        Assert.Equal(["content: Must be 2000 or fewer in length.", "components[1].components[5]: Too many buttons."], exception.FieldErrors);
        Assert.Equal(
            "Discord answered POST /channels/{channel_id}/messages with 400 BadRequest (code 50035): Invalid Form Body; content: Must be 2000 or fewer in length.; components[1].components[5]: Too many buttons.",
            exception.Message);
    }
}
