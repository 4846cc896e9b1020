package org.vmalab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.Engine;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.lesson.Lesson;
import org.vmalab.lesson.LessonLoader;
import org.vmalab.viewmodel.Narration;
import org.vmalab.viewmodel.StepScene;
import org.vmalab.viewmodel.StepSceneBuilder;
import org.vmalab.viewmodel.TreeLayout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG of the tree, without a toolkit: it parses, holds every label as text, and follows the layout. */
class TreeSvgTest {
    static final Map<String, String> COLORS = new HashMap<>();

    static {
        String[] inks = {"bg", "text", "text-dim", "node-red", "node-red-text", "node-red-border", "node-black",
            "node-black-text", "node-black-border", "node-freed", "node-freed-text", "node-alarm", "node-alarm-text",
            "edge", "edge-stale", "edge-changed", "edge-removed", "edge-cycle", "parent-arrow", "subject", "other",
            "changed", "changed-text", "warn", "bad", "badge", "badge-text", "badge-hot", "badge-hot-text",
            "off-row", "tag", "tag-text", "thread-1", "thread-2", "thread-text"};
        for (int i = 0; i < inks.length; i++) {
            COLORS.put(inks[i], String.format("#%06x", 0x101010 * (i % 15) + i));
        }
        COLORS.put("node-red", "#d23a36");
        COLORS.put("node-black", "#242932");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document d) {
        NodeList ts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ts.getLength(); i++) {
            out.add(ts.item(i).getTextContent());
        }
        return out;
    }

    static StepScene scene(Trace t, int index) {
        TraceCursor c = t.cursor().seek(index);
        return StepSceneBuilder.build(t, c, Narration.NONE);
    }

    @Test
    void theRaceMidRunParsesAndHoldsEveryNodeLabelAsText() throws Exception {
        Lesson l = LessonLoader.load(java.nio.file.Path.of("lessons/12-race-b-use-after-free.yaml"));
        Trace t = l.part().run();
        for (int i : new int[] {0, 40, t.size()}) {
            StepScene s = scene(t, i);
            String svg = TreeSvg.render(s, COLORS, true);
            Document d = parse(svg);
            Element root = d.getDocumentElement();
            assertEquals("svg", root.getLocalName());
            assertEquals(TreeSvg.n(TreeSvg.width(s)), root.getAttribute("width"));
            assertEquals(TreeSvg.n(TreeSvg.treeHeight(s) + TreeSvg.HEADER), root.getAttribute("height"));
            List<String> texts = texts(d);
            for (StepScene.NodeView n : s.nodes()) {
                assertTrue(texts.contains(org.vmalab.viewmodel.NodeFace.name(n)),
                        "name " + n.name() + " in its own case at index " + i + " in " + texts);
                assertTrue(texts.stream().anyMatch(x ->
                        x.contains(org.vmalab.viewmodel.Fmt.range(n.start(), n.end()))));
            }
            // the header counts steps from the start, as the window's corner does ("step 0 / N", not "index 0")
            assertTrue(texts.get(0).startsWith("step " + i + " / "), texts.get(0));
            assertFalse(svg.contains("#808080"), "every ink it uses has a colour");
        }
    }

    @Test
    void nodesSitWhereTheLayoutPutsThemInTheirTonesAndBorders() throws Exception {
        Lesson l = LessonLoader.load(java.nio.file.Path.of("lessons/12-race-b-use-after-free.yaml"));
        Trace t = l.part().run();
        StepScene s = scene(t, 40);
        TreeLayout.Layout lay = TreeLayout.of(s);
        Document d = parse(TreeSvg.render(s, COLORS, false));
        NodeList gs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (!g.getAttribute("class").startsWith("node ")) {
                continue;
            }
            StepScene.NodeView n = s.nodes().stream().filter(v ->
                    v.name().equals(g.getAttribute("data-vma"))).findFirst()
                    .orElseThrow();
            seen.add(n.name());
            Element box = null;
            NodeList rects = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
            for (int k = 0; k < rects.getLength() && box == null; k++) {
                Element r = (Element) rects.item(k);
                if (!"none".equals(r.getAttribute("fill"))
                        && r.getAttribute("width").equals(TreeSvg.n(TreeSvg.NODE_W))) {
                    box = r;
                }
            }
            assertTrue(box != null, "the node's box");
            double cx = Double.parseDouble(box.getAttribute("x")) + TreeSvg.NODE_W / 2;
            double cy = Double.parseDouble(box.getAttribute("y")) + TreeSvg.NODE_H / 2;
            assertEquals(TreeSvg.wx(lay.x(n.id())), cx, 0.01, n.name());
            assertEquals(TreeSvg.wy(lay.y(n.id())), cy, 0.01, n.name());
            if (n.state() != org.vmalab.viewmodel.NodeState.FREED) {
                assertEquals(n.black() ? "#242932" : "#d23a36", box.getAttribute("fill"), n.name());
            }
            assertTrue(g.getAttribute("class").contains(n.black() ? "black" : "red"));
            boolean dashed = false;
            for (int k = 0; k < rects.getLength(); k++) {
                Element r = (Element) rects.item(k);
                if (r.getAttribute("stroke").equals(COLORS.get(n.black() ? "node-black-border" : "node-red-border"))) {
                    dashed = r.hasAttribute("stroke-dasharray");
                }
            }
            assertEquals(!n.black(), dashed, "red nodes have a dashed border, black ones a solid one: " + n.name());
        }
        assertEquals(s.nodes().size(), seen.size());
    }

    @Test
    void textIsEscapedAndAnEmptyTreeSaysSo() throws Exception {
        Scenario sc = org.vmalab.engine.Scenarios.defaultScenario();
        List<org.vmalab.engine.VmaSpec> one = List.of(new org.vmalab.engine.VmaSpec("a<b>&\"c\"", 0x1000, 0x3000,
                org.vmalab.engine.Const.VM_READ | org.vmalab.engine.Const.VM_WRITE, false, 0));
        Trace t = Engine.run(new Scenario("t <&>", one, List.of(), sc.protection(), sc.granularity(), 1,
                sc.stackGuard(), sc.mmapBase()), org.vmalab.engine.sched.Schedule.roundRobin());
        String svg = TreeSvg.render(scene(t, 0), COLORS, true);
        Document d = parse(svg);
        assertTrue(texts(d).stream().anyMatch(x -> x.equalsIgnoreCase("a<b>&\"c\"")), texts(d).toString());
        Trace empty = Engine.run(new Scenario("empty", List.of(), List.of(), sc.protection(), sc.granularity(), 1,
                sc.stackGuard(), sc.mmapBase()), org.vmalab.engine.sched.Schedule.roundRobin());
        Document d2 = parse(TreeSvg.render(scene(empty, 0), COLORS, false));
        assertTrue(texts(d2).contains("mm_rb.rb_node = NULL: the tree is empty"));
        assertEquals("480", d2.getDocumentElement().getAttribute("width"));
    }

    @Test
    void numbersAndEscapes() {
        assertEquals("12", TreeSvg.n(12.0));
        assertEquals("12.5", TreeSvg.n(12.5));
        assertEquals("-0.33", TreeSvg.n(-1 / 3.0));
        assertEquals("a&lt;&amp;&gt;&quot;", TreeSvg.esc("a<&>\"\u0001"));
    }

    @Test
    void theSvgShowsTheCanvasNumbersAndMarksAWalkersLoadedPointerAndTheStaleStar() throws Exception {
        Lesson race = LessonLoader.load(org.vmalab.viewmodel.NoOverlapTest.lessons("race-a").get(0));
        Trace t = race.part().run();
        int i = 1;
        while (!(t.step(i).thread() == 0 && t.step(i).loc() == org.vmalab.engine.trace.Loc.GET_VMA_RIGHT
                && t.caption(i).startsWith("visit libc:"))) {
            i++;
        }
        String svg = TreeSvg.render(scene(t, i), COLORS, false);
        assertTrue(svg.contains("class=\"loaded\" data-thread=\"T1\" data-vma=\"libc_rw\""), "T1 holds libc_rw");
        assertTrue(texts(parse(svg)).contains("loaded from libc.rb_right"));
        // a stored rb_subtree_gap its children no longer give: the same line as on the canvas, with its *
        Lesson ins = LessonLoader.load(org.vmalab.viewmodel.NoOverlapTest.lessons("insertion").get(0));
        Trace u = ins.part().run();
        boolean seen = false;
        for (int k = 0; k <= u.size() && !seen; k++) {
            StepScene s = scene(u, k);
            for (StepScene.NodeView n : s.nodes()) {
                if (org.vmalab.viewmodel.NodeFace.stale(n)) {
                    List<String> texts = texts(parse(TreeSvg.render(s, COLORS, false)));
                    assertTrue(texts.contains(org.vmalab.viewmodel.NodeFace.subtreeLine(n)), texts.toString());
                    assertTrue(org.vmalab.viewmodel.NodeFace.subtreeLine(n).endsWith(" *"));
                    for (org.vmalab.viewmodel.NodeFace.Tag tag : org.vmalab.viewmodel.NodeFace.tags(n, false)
                            .subList(0, Math.min(3, org.vmalab.viewmodel.NodeFace.tags(n, false).size()))) {
                        assertTrue(texts.contains(tag.text()), "tag " + tag.text());
                    }
                    seen = true;
                    break;
                }
            }
        }
        assertTrue(seen, "an insertion leaves a stale subtree gap for a while");
    }
}
