package io.lakeshift.emulator.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** S3's XML: a small writer for response bodies and a parser (no DTDs, no external entities) for request bodies. */
final class S3Xml {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final List<String> open = new ArrayList<>();

    /** A document whose root element is {@code root} in S3's namespace. */
    static S3Xml document(String root) {
        S3Xml xml = new S3Xml();
        xml.sb.append('<').append(root).append(" xmlns=\"").append(NS).append("\">");
        xml.open.add(root);
        return xml;
    }

    /** A document that is one element with text in S3's namespace, e.g. GetBucketLocation's answer. */
    static S3Xml single(String root, String text) {
        S3Xml xml = new S3Xml();
        xml.sb.append('<').append(root).append(" xmlns=\"").append(NS).append("\">").append(escape(text))
                .append("</").append(root).append('>');
        return xml;
    }

    /** An error document (no namespace, as S3 sends it). */
    static S3Xml error() {
        S3Xml xml = new S3Xml();
        xml.sb.append("<Error>");
        xml.open.add("Error");
        return xml;
    }

    S3Xml start(String name) {
        sb.append('<').append(name).append('>');
        open.add(name);
        return this;
    }

    S3Xml end() {
        sb.append("</").append(open.remove(open.size() - 1)).append('>');
        return this;
    }

    /** An element with text; nothing when {@code value} is null. */
    S3Xml text(String name, Object value) {
        if (value != null) {
            sb.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name)
                    .append('>');
        }
        return this;
    }

    byte[] bytes() {
        while (!open.isEmpty()) {
            end();
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String time(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Parses a request body; a body that is not well-formed XML is S3's MalformedXML. */
    static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new ByteArrayInputStream(body));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException | IOException e) {
            throw S3Exception.malformedXml("The XML you provided was not well-formed: " + e.getMessage());
        }
    }

    /** The child elements of {@code parent} with this local name. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The trimmed text of the one child with this name, or null. */
    static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
