from voicecart.chat_endpoint import auth_headers, is_azure


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
