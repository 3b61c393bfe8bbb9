package io.github.lambdasandbox.awssdk;

/** Writes the XML documents of S3 and SNS: elements in the order AWS writes them, text escaped. */
final class Xml {

	private final StringBuilder out;

	/** A document with an XML declaration, as S3 writes them. */
	Xml() {
		this(true);
	}

	/** SNS writes its documents without a declaration. */
	Xml(boolean declaration) {
		out = new StringBuilder(declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "");
	}

	Xml open(String name) {
		out.append('<').append(name).append('>');
		return this;
	}

	Xml open(String name, String namespace) {
		out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
		return this;
	}

	Xml close(String name) {
		out.append("</").append(name).append('>');
		return this;
	}

	/** An element with text; none if the value is null. */
	Xml element(String name, Object value) {
		if (value != null) {
			out.append('<').append(name).append('>');
			escape(value.toString());
			out.append("</").append(name).append('>');
		}
		return this;
	}

	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				case '\r' -> out.append("&#13;");
				default -> out.append(c);
			}
		}
	}

	@Override
	public String toString() {
		return out.toString();
	}
}
