from voicecart.chat_endpoint import ChatEndpoint, auth_headers, is_azure


def test_azure_is_recognised_by_host_or_api_version() -> None:
    assert is_azure("https://contoso.openai.azure.com/openai/deployments/x", None)
    assert is_azure("http://127.0.0.1:9000/v1", "2024-10-21")
    assert not is_azure("http://127.0.0.1:9000/v1", None)


async def test_auth_header_by_kind() -> None:
    async def token() -> str:
        return "entra-token"

    assert await auth_headers(azure=True, api_key="k", token_provider=None) == {"api-key": "k"}
    assert await auth_headers(azure=False, api_key="k", token_provider=None) == {
        "Authorization": "Bearer k"
    }
    assert await auth_headers(azure=True, api_key="k", token_provider=token) == {
        "Authorization": "Bearer entra-token"
    }
    assert await auth_headers(azure=False, api_key=None, token_provider=None) == {}


async def test_endpoint_url_params_and_headers() -> None:
    openai = ChatEndpoint("http://127.0.0.1:9000/v1/", api_key="k")
    assert openai.url == "http://127.0.0.1:9000/v1/chat/completions"
    assert openai.params is None
    assert await openai.headers("text/event-stream") == {
        "Accept": "text/event-stream",
        "Content-Type": "application/json",
        "Authorization": "Bearer k",
    }
    azure = ChatEndpoint(
        "https://x.openai.azure.com/openai/deployments/d/chat/completions",
        api_key="k",
        api_version="2024-10-21",
    )
    assert azure.url.endswith("/deployments/d/chat/completions")
    assert azure.params == {"api-version": "2024-10-21"}
    assert (await azure.headers("application/json"))["api-key"] == "k"
