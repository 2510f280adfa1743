"""Facts of a certification put into words the way every page says them."""

from .models import Certification

_SMALL_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def validity(cert: Certification) -> str:
    if cert.validity_years:
        return f"Valid for {cert.validity_years} year{'s' if cert.validity_years != 1 else ''}"
    if cert.lifetime:
        return "Lifetime: it does not expire"
    return "Validity period not published"


def and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def summary_line(cert: Certification) -> str:
    """One line of facts: "Process improvement; suits mid-level roles; one 150-question exam;
    no formal prerequisite"."""
    parts = [cert.get_focus_display()]
    tier_labels = [label.lower() for label in cert.tier_labels]
    if tier_labels:
        parts.append(f"suits {and_list(tier_labels)} roles")
    if cert.exam_parts == 1:
        parts.append(
            f"one {cert.exam_questions}-question exam" if cert.exam_questions else "one exam"
        )
    elif cert.exam_parts:
        parts.append(f"{_SMALL_NUMBERS.get(cert.exam_parts, cert.exam_parts)} exams")
    years = cert.min_experience_years
    if years:
        parts.append(f"asks for experience (from {years} year{'s' if years != 1 else ''})")
    elif cert.no_prerequisite:
        parts.append("no formal prerequisite")
    elif years == 0:
        parts.append("no experience needed")
    if cert.lifetime:
        parts.append("lifetime credential")
    elif cert.validity_years:
        parts.append(f"renew every {cert.validity_years} years")
    return "; ".join(parts)
