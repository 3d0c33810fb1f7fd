package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.index.VaultIndex;

class DocumentLinksTest {

    private static List<String> links(String path, TestVault vault) {
        VaultIndex index = vault.index();
        List<String> out = new ArrayList<>();
        for (DocumentLink l : Navigation.documentLinks(index, index.note(path).orElseThrow())) {
            out.add(CursorVault.where(l.span()) + " -> " + l.targetPath() + ":" + l.targetLine()
                    + " \"" + l.tooltip() + "\"");
        }
        return out;
    }

    @Test
    void everyResolvedLinkOpensItsTargetAtTheHeadingOrBlockLineAndBrokenOnesAreLeftOut() {
        assertEquals(List.of(
                "1:9-25 -> People/Ada Berg.md:-1 \"People/Ada Berg.md\"",
                "2:0-22 -> People/Ada Berg.md:29 \"People/Ada Berg.md › Key Facts\"",
                "2:23-47 -> Projects/Apollo.md:2 \"Projects/Apollo.md › ^scope\"",
                "3:0-23 -> Assets/diagram.png:-1 \"Assets/diagram.png\"",
                "4:0-38 -> Projects/Apollo.md:-1 \"Projects/Apollo.md\"",
                "5:4-12 -> Daily/d.md:0 \"Daily/d.md › Log\""),
                links("Daily/d.md", TestVault.of(
                        "Daily/d.md", """
                                # Log
                                Met with [[ada berg|Ada]] and [[Nobody]].
                                [[Ada Berg#Key Facts]] ![[Apollo#^scope|Scope]]
                                ![[Assets/diagram.png]]
                                [notes](../Projects/Apollo.md#Missing)
                                See [[#Log]] and [[#Nowhere]].
                                """,
                        "People/Ada Berg.md", SeedNotes.ADA_BERG,
                        "Projects/Apollo.md", "# Apollo\n\nOne region first. ^scope\n",
                        "Assets/diagram.png", "")));
    }
}
