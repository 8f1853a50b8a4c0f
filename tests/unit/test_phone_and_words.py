"""Phone numbers and the words a reader sees for dates and hours."""
import datetime

from walkthrough.model import Hours, Times, _phone
from walkthrough.schemas import phone_is_valid
from walkthrough.words import date_words, hours_words, time_words


def test_valid_uk_numbers_and_short_numbers():
    for number in ["0808 500 2222", "0808 2000 247", "116 123", "999", "101", "111", "85258"]:
        assert phone_is_valid(number), number
    for number in ["0808 500 222", "12345", "+1 212 555 0100", "0808-500-2222x", "call 999"]:
        assert not phone_is_valid(number), number


def test_tel_links_use_e164_but_the_number_is_shown_as_written():
    phone = _phone({"number": "0808 2000 247"})
    assert phone.number == "0808 2000 247" and phone.dial == "+448082000247"
    assert _phone({"number": "116 123"}).dial == "116123"


def test_dates_and_times_in_words():
    assert date_words(datetime.date(2026, 11, 9)) == "9 November 2026"
    assert [time_words(t) for t in ("08:00", "21:30", "12:00", "24:00", "00:00")] == ["8am", "9:30pm", "midday", "midnight", "midnight"]


def test_hours_in_words():
    assert hours_words(Hours(True, (), None)) == ["Open 24 hours a day, every day"]
    weekdays = Times(("monday", "tuesday", "wednesday", "thursday", "friday"), "09:00", "17:30")
    weekend = Times(("saturday", "sunday"), "10:00", "14:00")
    assert hours_words(Hours(False, (weekdays, weekend), "Closed on bank holidays.")) == [
        "Monday to Friday, 9am to 5:30pm", "Saturday and Sunday, 10am to 2pm", "Closed on bank holidays."]
    assert hours_words(None) == ["Check their website for opening times"]
