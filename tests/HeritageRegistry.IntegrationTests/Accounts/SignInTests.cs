using System.Net;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Accounts;

public sealed class SignInTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private RegistryFactory Factory => registry.Factory;

    [Fact]
    public async Task A_curator_signs_in_reaches_the_curators_desk_and_signs_out()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        var signIn = await client.SignInAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/curate", signIn.Headers.Location!.OriginalString);
        var desk = await client.GetPageAsync("/curate");
        Assert.Contains("Signed in as Test curator", desk.Text());

        var signOut = await client.SubmitAsync(desk, "form.inline-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync("/curate");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_get_the_same_message_and_a_401()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        var wrongPassword = await client.SignInAsync(login, "not the password at all");
        var unknownLogin = await client.SignInAsync("nobody-by-this-name", "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownLogin.StatusCode);
        foreach (var response in new[] { wrongPassword, unknownLogin })
        {
            var page = await Html.ParseAsync(response);
            Assert.Equal(LoginModel.FailureMessage, page.QuerySelector(".field-error li")!.TextContent.Trim());
            Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Password")!).Value);
        }
    }

    [Fact]
    public async Task An_empty_form_says_what_is_missing_with_a_400()
    {
        using var client = Factory.Browser();

        var response = await client.SignInAsync("", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Html.ParseAsync(response)).Text();
        Assert.Contains("Enter your login.", text);
        Assert.Contains("Enter your password.", text);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_same_client_must_wait_even_with_the_right_one()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var guesser = Factory.Browser(from: "198.51.100.1");

        for (var i = 0; i < GuessThrottle.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.SignInAsync(login, $"wrong guess {i}")).StatusCode);
        }
        var rightPassword = await guesser.SignInAsync(login);

        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
        var seconds = (int)rightPassword.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 30, 32); // 2^5 seconds after the fifth failure
        Assert.Equal($"Too many failed tries. Try again in {seconds} seconds.",
            (await Html.ParseAsync(rightPassword)).QuerySelector(".field-error li")!.TextContent.Trim());
        Assert.StartsWith("/account/login", (await guesser.GetAsync("/curate")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guesses_sent_all_at_once_are_counted_before_they_are_checked()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var guesser = Factory.Browser(from: "198.51.100.4");
        var forms = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        for (var i = 0; i < 20; i++)
        {
            forms.Add(await guesser.GetPageAsync("/account/login"));
        }

        var responses = await Task.WhenAll(forms.Select((form, i) => guesser.SubmitAsync(form, "main form",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = $"parallel guess {i}" })));

        Assert.Equal(GuessThrottle.FreeFailures, responses.Count(response => response.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(20 - GuessThrottle.FreeFailures, responses.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task The_owner_signs_in_from_another_client_while_a_guesser_is_held_back()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var guesser = Factory.Browser(from: "198.51.100.2");
        for (var i = 0; i <= GuessThrottle.FreeFailures; i++)
        {
            await guesser.SignInAsync(login, $"wrong guess {i}");
        }
        using var owner = Factory.Browser(from: "203.0.113.2");

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync(login)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/curate")).StatusCode);
        // The owner's success forgives nobody else.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.SignInAsync(login, "another guess")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_login_is_answered_and_held_back_exactly_like_a_real_one()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        var unknown = $"nobody-{Guid.NewGuid():N}"[..20];
        using var guesser = Factory.Browser(from: "198.51.100.3");

        async Task<List<(HttpStatusCode, string)>> GuessAsync(string target)
        {
            var answers = new List<(HttpStatusCode, string)>();
            for (var i = 0; i <= GuessThrottle.FreeFailures; i++)
            {
                var response = await guesser.SignInAsync(target, $"wrong guess {i}");
                answers.Add((response.StatusCode, (await Html.ParseAsync(response)).QuerySelector(".field-error li")!.TextContent.Trim()[..30]));
            }
            return answers;
        }

        var real = await GuessAsync(login);
        Assert.Equal(HttpStatusCode.TooManyRequests, real[^1].Item1);
        Assert.Equal(real, await GuessAsync(unknown));
    }

    [Fact]
    public async Task A_cookie_copied_before_signing_out_is_refused_after_it()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var owner = Factory.Browser();
        var signIn = await owner.SignInAsync(login);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("heritage.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/curate")).StatusCode);

        await owner.SubmitAsync(await owner.GetPageAsync("/curate"), "form.inline-form", new Dictionary<string, string>());

        var after = await copy.GetAsync("/curate");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_on_one_device_leaves_the_others_signed_in()
    {
        var (laptop, login) = await Factory.SignedInAsync(Roles.Curator);
        using var phone = Factory.Browser();
        await phone.SignInAsync(login);

        await laptop.SubmitAsync(await laptop.GetPageAsync("/curate"), "form.inline-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/curate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/curate")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_open_session_stops_working_at_the_next_request()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();
        await client.SignInAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/curate")).StatusCode);

        var users = Factory.Services.GetRequiredService<UserStore>();
        var user = await users.FindByLoginAsync(login, CancellationToken.None);
        await users.SetDisabledAsync(user!.Id, true, CancellationToken.None);

        var response = await client.GetAsync("/curate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(login)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_never_returns_to_another_site()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();
        var page = await client.GetPageAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = AccountFixture.Password,
        });

        Assert.Equal("/curate", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_a_400()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = AccountFixture.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SignInRateLimitTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly RegistryFactory _factory = new() { SignInAttemptsPerMinute = 3, KnownProxies = [Proxy] };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_told_how_long_to_wait()
    {
        using var client = _factory.Browser();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.SignInAsync("someone", $"guess number {i}"));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            responses.Select(response => response.StatusCode));
        Assert.InRange(responses[^1].Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_real_client_has_its_own_limit()
    {
        using var busy = _factory.Browser(from: Proxy);
        busy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        using var other = _factory.Browser(from: Proxy);
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.11");

        for (var i = 0; i < 3; i++)
        {
            await busy.SignInAsync("someone", $"guess number {i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.SignInAsync("someone", "one more")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.SignInAsync("someone", "a first guess")).StatusCode);
    }
}

/// <summary>On its own app, whose clock the test moves to let the waits run out.</summary>
public sealed class SignInThrottleTests : IDisposable
{
    private readonly MovableClock _clock = new();
    private readonly RegistryFactory _factory;

    public SignInThrottleTests() => _factory = new() { TestServices = services => services.AddSingleton<TimeProvider>(_clock) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Each_failure_after_a_wait_doubles_the_next_wait_and_a_success_forgets_them()
    {
        var login = await _factory.AddUserAsync(Roles.Curator);
        using var client = _factory.Browser(from: "198.51.100.30");
        for (var i = 0; i < GuessThrottle.FreeFailures; i++)
        {
            await client.SignInAsync(login, $"wrong guess {i}");
        }
        Assert.InRange(await WaitAsync(client, login), 30, 32);

        _clock.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(login, "wrong again")).StatusCode);
        Assert.InRange(await WaitAsync(client, login), 62, 64);

        _clock.Advance(TimeSpan.FromSeconds(65));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(login)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(login, "a slip after signing in")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(login, "and another")).StatusCode);
    }

    private static async Task<int> WaitAsync(HttpClient client, string login)
    {
        var response = await client.SignInAsync(login, "any guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        return (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
    }

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    }
}

/// <summary>On its own app, with the real hasher wrapped to count its verifications.</summary>
public sealed class SignInHashingTests : IDisposable
{
    private readonly CountingHasher _hasher = new();
    private readonly RegistryFactory _factory;

    public SignInHashingTests() => _factory = new() { TestServices = services => services.AddSingleton<IPasswordHasher<AppUser>>(_hasher) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_attempt_verifies_one_password_hash_whether_the_login_exists_is_unknown_or_is_held_back()
    {
        var login = await _factory.AddUserAsync(Roles.Curator);
        using var client = _factory.Browser(from: "198.51.100.40");

        Assert.Equal((HttpStatusCode.Unauthorized, 1), await AttemptAsync(client, "nobody-by-this-name", "a guess"));
        for (var i = 0; i < GuessThrottle.FreeFailures; i++)
        {
            Assert.Equal((HttpStatusCode.Unauthorized, 1), await AttemptAsync(client, login, $"wrong guess {i}"));
        }
        Assert.Equal((HttpStatusCode.TooManyRequests, 1), await AttemptAsync(client, login, "wrong again"));
        Assert.Equal((HttpStatusCode.TooManyRequests, 1), await AttemptAsync(client, login, AccountFixture.Password));
        using var owner = _factory.Browser(from: "203.0.113.40");
        Assert.Equal((HttpStatusCode.Redirect, 1), await AttemptAsync(owner, login, AccountFixture.Password));
    }

    private async Task<(HttpStatusCode, int)> AttemptAsync(HttpClient client, string login, string password)
    {
        var before = _hasher.Verifications;
        var status = (await client.SignInAsync(login, password)).StatusCode;
        return (status, _hasher.Verifications - before);
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
