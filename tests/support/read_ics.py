"""Parses an .ics file with Debian's python3-icalendar and prints its events as JSON.

Usage: /usr/bin/python3 read_ics.py FILE.ics
"""
import json
import sys
from datetime import timezone

from icalendar import Calendar


def text(v):
    return None if v is None else str(v)


def main(path):
    with open(path, 'rb') as f:
        cal = Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk('VEVENT'):
        start = ev.get('DTSTART')
        end = ev.get('DTEND')
        attendees = ev.get('ATTENDEE') or []
        if not isinstance(attendees, list):
            attendees = [attendees]
        organizer = ev.get('ORGANIZER')
        events.append({
            'uid': text(ev.get('UID')),
            'summary': text(ev.get('SUMMARY')),
            'location': text(ev.get('LOCATION')),
            'description': text(ev.get('DESCRIPTION')),
            'url': text(ev.get('URL')),
            'tzid': start.params.get('TZID'),
            'start_utc': start.dt.astimezone(timezone.utc).isoformat(),
            'end_utc': end.dt.astimezone(timezone.utc).isoformat(),
            'start_tz': str(getattr(start.dt, 'tzinfo', None)),
            'organizer': {'email': text(organizer), 'cn': organizer.params.get('CN')} if organizer is not None else None,
            'attendees': [{'email': text(a), 'cn': a.params.get('CN'), 'role': a.params.get('ROLE'), 'rsvp': a.params.get('RSVP'), 'partstat': a.params.get('PARTSTAT')} for a in attendees],
            'sequence': int(ev.get('SEQUENCE')) if ev.get('SEQUENCE') is not None else None,
            'dtstamp': ev.get('DTSTAMP').dt.astimezone(timezone.utc).isoformat(),
        })
    tzs = [text(tz.get('TZID')) for tz in cal.walk('VTIMEZONE')]
    json.dump({'version': text(cal.get('VERSION')), 'prodid': text(cal.get('PRODID')), 'method': text(cal.get('METHOD')), 'events': events, 'vtimezones': tzs}, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main(sys.argv[1])
