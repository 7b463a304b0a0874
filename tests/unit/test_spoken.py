from voicecart.spoken import spoken_digits


def test_digits_written_or_said_in_order() -> None:
    assert spoken_digits("order four eight two seven, 1930") == "48271930"
    assert spoken_digits("five oh one") == "501"
    assert spoken_digits("Your order is on its way") == ""  # "on" and "one" differ
